package org.tandem.platform.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The erasures' records (table {@code erasure}): inserted once, never changed. */
@Repository
class ErasureRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            Erasure.Kind kind,
            String memberId,
            String reason,
            String requestedBy,
            OffsetDateTime at,
            Collection<Long> caseIds,
            Map<String, Integer> counts) {
        return jdbc.sql("""
                        insert into erasure (kind, member_id, reason, requested_by, erased_at, case_ids, counts)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id""")
                .params(kind.name(), memberId, reason, requestedBy, at, caseIds.toArray(Long[]::new), toJson(counts))
                .query(Long.class)
                .single();
    }

    List<Erasure> latest(int limit) {
        return jdbc.sql("select * from erasure order by erased_at desc, id desc limit ?")
                .param(limit)
                .query(this::map)
                .list();
    }

    private Erasure map(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("case_ids");
        List<Long> caseIds = Arrays.stream((Long[]) ids.getArray()).toList();
        try {
            return new Erasure(
                    rs.getLong("id"),
                    Erasure.Kind.valueOf(rs.getString("kind")),
                    rs.getString("member_id"),
                    rs.getString("reason"),
                    rs.getString("requested_by"),
                    rs.getObject("erased_at", OffsetDateTime.class),
                    caseIds,
                    json.readValue(rs.getString("counts"), new TypeReference<Map<String, Integer>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
