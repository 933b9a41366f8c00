package org.tandem.platform.audit;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The production audit trail over a bare data source, for tests that need no Spring context. */
public final class AuditTrails {

    private AuditTrails() {}

    public static AuditTrail over(DataSource dataSource) {
        return new AuditTrail(new AuditRepository(JdbcClient.create(dataSource)));
    }
}
