package org.tandem.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Adds the notifier to every user task of every process the engine parses, so no BPMN has to declare it. */
@Component
class NotificationsEnginePlugin extends AbstractProcessEnginePlugin {

    // looked up at the first task event: the plugin is built before the engine
    private final ObjectProvider<TaskNotifier> notifier;

    NotificationsEnginePlugin(ObjectProvider<TaskNotifier> notifier) {
        this.notifier = notifier;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        // resolved once, at the first event, not looked up in the bean factory at each (issue 18)
        Supplier<TaskNotifier> once = SingletonSupplier.of(notifier::getObject);
        TaskListener listener = task -> once.get().on(task);
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
