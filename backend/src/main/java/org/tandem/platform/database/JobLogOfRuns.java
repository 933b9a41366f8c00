package org.tandem.platform.database;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's full history but logs a job's runs only — its success or its failure, with the node that ran
 * it and the failure's message —, not its creation or its removal: every deadline timer removed with its task and
 * every asynchronous step wrote a row when it was created, four per content case, and each timer another when it
 * was removed, two more, none read (issue 18). The history level « full » is the engine's own but for these two
 * events, which it no longer produces at all: filtering them when written still built each one, with a read of its
 * job's definition (six per content case).
 */
@Component
class JobLogOfRuns extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine resolves the configured name (« full ») among its levels then the custom ones, the last match
        // winning (JobLogOfRunsIT fails if the engine's own is taken); the database holds the id, 3, the same
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new FullWithRunsOnly());
        configuration.setCustomHistoryLevels(custom);
    }

    /** The engine's level « full », without the job-log events of a job's creation and removal. */
    static final class FullWithRunsOnly extends HistoryLevelFull {

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.JOB_CREATE
                    && eventType != HistoryEventTypes.JOB_DELETE
                    && super.isHistoryEventProduced(eventType, entity);
        }
    }
}
