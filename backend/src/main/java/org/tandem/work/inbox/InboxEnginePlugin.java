package org.tandem.work.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Adds the read model's listener to every user task of every process the engine parses, so no
 * BPMN has to declare it (and none can forget it). Built-in listeners run before the model's own.
 */
@Component
class InboxEnginePlugin extends AbstractProcessEnginePlugin {

    static final List<String> EVENTS = List.of(
            TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE);

    // looked up at the first task event: the plugin is built before the engine, the projection's
    // repositories need the data source the engine also needs
    private final ObjectProvider<InboxProjection> projection;

    InboxEnginePlugin(ObjectProvider<InboxProjection> projection) {
        this.projection = projection;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        // resolved once, at the first event: a lookup per event cost 0.7 % of the JVM's CPU in P1 (issue 18)
        Supplier<InboxProjection> once = SingletonSupplier.of(projection::getObject);
        TaskListener listener = task -> once.get().on(task);
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, listener));
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
        // suspending an instance updates its tasks in bulk, no task listener fires: its history event does
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new InboxSuspension(once));
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
