package org.tandem.work.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskFormValues;

/**
 * The task's Camunda Form (its {@code camunda:formRef}, deployed from {@code forms/}) and the
 * values that fill it: what the modules contribute for the task ({@link TaskFormValues}: a case's
 * texts, an authorisation's pre-prompt), then the process variables the form names. Only the keys
 * the form shows are sent.
 */
@RestController
class TaskFormController {

    record TaskForm(String formKey, JsonNode schema, Map<String, Object> data) {}

    private final FormService formService;
    private final TaskAccess access;
    private final List<TaskFormValues> contributions;
    private final CurrentUsers currentUsers;
    private final ObjectMapper json;

    TaskFormController(
            FormService formService,
            TaskAccess access,
            List<TaskFormValues> contributions,
            CurrentUsers currentUsers,
            ObjectMapper json) {
        this.formService = formService;
        this.access = access;
        this.contributions = contributions;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    @GetMapping("/api/tasks/{id}/form")
    // a manager works the tasks escalated to them (issue 19)
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT', 'MANAGER')")
    TaskForm form(@PathVariable String id) {
        Task task = access.requireVisible(id, currentUsers.current());
        JsonNode schema = schema(task);
        Set<String> keys = new LinkedHashSet<>();
        collectKeys(schema, keys);
        Map<String, Object> data = new LinkedHashMap<>();
        String businessKey = access.businessKey(task);
        contributions.forEach(module -> module.contribute(task, businessKey, data));
        VariableMap variables = formService.getTaskFormVariables(task.getId(), keys, true);
        keys.forEach(key -> {
            Object value = variables.get(key);
            if (!data.containsKey(key)
                    && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                data.put(key, value);
            }
        });
        data.keySet().retainAll(keys);
        return new TaskForm(schema.path("id").asText(null), schema, data);
    }

    private JsonNode schema(Task task) {
        try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
            return json.readTree(in);
        } catch (NotFoundException | IOException e) {
            throw ApiException.notFound("Cette tâche n'a pas de formulaire.");
        } catch (ProcessEngineException e) {
            // no camunda:formRef (or an embedded form key): nothing to render here
            throw ApiException.notFound("Cette tâche n'a pas de formulaire.");
        }
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            if (node.path("key").isTextual()) {
                keys.add(node.get("key").asText());
            }
            node.path("components").forEach(child -> collectKeys(child, keys));
        } else if (node.isArray()) {
            node.forEach(child -> collectKeys(child, keys));
        }
    }
}
