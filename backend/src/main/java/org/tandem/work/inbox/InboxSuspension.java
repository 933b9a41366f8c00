package org.tandem.work.inbox;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Marks the read model's tasks of a suspended process instance, and unmarks them on activation.
 * Camunda suspends an instance's tasks with one bulk update that fires no task listener, but it
 * emits a process-instance "update" history event whose state is the new one (SUSPENDED / ACTIVE),
 * also when a whole definition is suspended with its instances. Runs in the engine's transaction.
 */
class InboxSuspension implements HistoryEventHandler {

    private final Supplier<InboxProjection> projection;

    InboxSuspension(Supplier<InboxProjection> projection) {
        this.projection = projection;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity instance
                && HistoryEventTypes.PROCESS_INSTANCE_UPDATE.getEventName().equals(instance.getEventType())) {
            String state = instance.getState();
            if (HistoricProcessInstance.STATE_SUSPENDED.equals(state)) {
                projection.get().suspended(instance.getProcessInstanceId(), true);
            } else if (HistoricProcessInstance.STATE_ACTIVE.equals(state)) {
                projection.get().suspended(instance.getProcessInstanceId(), false);
            }
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
