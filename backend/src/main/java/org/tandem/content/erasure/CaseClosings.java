package org.tandem.content.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Records when a case closes ({@code content_case.closed_at}) from the engine's history event of its
 * process's end, in the engine's transaction: the retention period runs from then. Whatever ends the
 * process (the last task, a rejection, a cancellation in Cockpit) is a closure.
 */
@Component
class CaseClosings extends AbstractProcessEnginePlugin {

    // resolved at the first closing (the plugin is built before the data source's users), then kept
    private final Supplier<JdbcClient> jdbc;

    CaseClosings(ObjectProvider<JdbcClient> jdbc) {
        this.jdbc = SingletonSupplier.of(jdbc::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (event instanceof HistoricProcessInstanceEventEntity end
                        && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())
                        && end.getEndTime() != null) {
                    jdbc.get()
                            .sql(
                                    "update content_case set closed_at = ? where process_instance_id = ? and closed_at is null")
                            .params(new java.sql.Timestamp(end.getEndTime().getTime()), end.getProcessInstanceId())
                            .update();
                }
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
