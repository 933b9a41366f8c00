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
 * Keeps the engine's full history but logs a job's runs only — its success or its failure, with the node that ran
 * it and the failure's message —, not its creation or its removal: every deadline timer removed with its task and
 * every asynchronous step wrote a row when it was created, four per content case, and each timer another when it
 * was removed, two more, none read (issue 18).
 */
@Component
class JobLogOfRuns extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        // the database's handler first, as the engine puts its default one: the others may read what it wrote
        handlers.add(0, new RunsOnlyDbHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** The engine's database handler, without the job-log rows of a job's creation and removal. */
    static final class RunsOnlyDbHistoryEventHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                super.handleEvent(event);
            }
        }

        static boolean kept(HistoryEvent event) {
            // a job log's kind is its state (created, failed, successful, deleted), not its event type
            return !(event instanceof HistoricJobLogEvent log) || log.isFailureLog() || log.isSuccessLog();
        }
    }
}
