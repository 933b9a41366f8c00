package org.tandem.platform.database;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's full history except the bookkeeping of jobs that went well: every deadline timer and
 * asynchronous step wrote two job-log rows (created, then succeeded or deleted) that nobody reads, eight per
 * content case (issue 18). A job's failure is still logged, with its message, beside its incident; the case's
 * own audit chain dates each disclosure and delivery.
 */
@Component
class JobLogOfFailures extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        // the database's handler first, as the engine puts its default one: the others may read what it wrote
        handlers.add(0, new FailuresOnlyDbHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** The engine's database handler, without the job-log rows of jobs that did not fail. */
    static final class FailuresOnlyDbHistoryEventHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                super.handleEvent(event);
            }
        }

        static boolean kept(HistoryEvent event) {
            // a job log's kind is its state (created, failed, successful, deleted), not its event type
            return !(event instanceof HistoricJobLogEvent log) || log.isFailureLog();
        }
    }
}
