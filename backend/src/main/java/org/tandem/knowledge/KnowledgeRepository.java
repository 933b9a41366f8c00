package org.tandem.knowledge;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

@Repository
class KnowledgeRepository {

    /** A passage that full-text search found, with what the re-ranking needs. */
    record Candidate(
            long passageId,
            String reference,
            String title,
            String collection,
            int documentVersion,
            int ordinal,
            String heading,
            String text,
            LocalDate lastReviewed,
            boolean stale,
            int matchedTerms,
            int queryTerms,
            double rank,
            float[] embedding) {}

    /** Stale: the last review plus the review interval is before today (proposal 37). */
    private static final String STALE = "(d.last_reviewed + d.review_interval_days) < :today";
    /** How many passages, per passage wanted, reach the costly ts_rank_cd. */
    static final int PRE_RANKED = 5;

    /**
     * The full-text candidates' query: the passages {@link PassageIndex} found, with how many of the
     * words each holds, ranked by ts_rank_cd. The embedding comes in PostgreSQL's binary array format
     * ({@code array_send}): read straight into a float[], without a boxed Float per dimension.
     */
    private static final String CANDIDATES = """
            with ranked as (
                select h.id, h.matched_terms, ts_rank_cd(p.tsv, cast(:any_word as tsquery)) as rank
                from unnest(cast(:ids as bigint[]), cast(:matched as int[])) as h(id, matched_terms)
                join knowledge_passage p on p.id = h.id
                order by h.matched_terms desc, rank desc, h.id
                limit :limit
            )
            select p.id, d.reference, d.title, d.collection, d.version, p.ordinal, p.heading, p.text,
                   d.last_reviewed, %1$s as stale, r.matched_terms, r.rank, array_send(p.embedding) as embedding
            from ranked r join knowledge_passage p on p.id = r.id join knowledge_document d on d.id = p.document_id
            where d.retired_at is null
            order by r.matched_terms desc, r.rank desc, p.id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    KnowledgeRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Optional<KnowledgeDocument> findByReference(String reference) {
        return jdbc.sql("select * from knowledge_document where reference = ?")
                .param(reference)
                .query(Rows.of(KnowledgeDocument.class))
                .optional();
    }

    Optional<KnowledgeDocument> findById(long id) {
        return jdbc.sql("select * from knowledge_document where id = ?")
                .param(id)
                .query(Rows.of(KnowledgeDocument.class))
                .optional();
    }

    /** Documents of a collection (null: all) whose title or reference contains the text, or whose passages match it. */
    List<KnowledgeDocument> list(String text, String collection, int limit) {
        return jdbc.sql("""
                        select d.* from knowledge_document d
                        where (cast(:collection as text) is null or d.collection = :collection)
                          and (cast(:text as text) is null
                               or d.title ilike '%' || :text || '%' or d.reference ilike '%' || :text || '%'
                               or exists (select 1 from knowledge_passage p where p.document_id = d.id
                                          and p.tsv @@ websearch_to_tsquery('french', :text)))
                        order by d.collection, d.reference
                        limit :limit""")
                .param("collection", collection)
                .param("text", text)
                .param("limit", limit)
                .query(Rows.of(KnowledgeDocument.class))
                .list();
    }

    long insertDocument(DocumentInput in, LocalDate lastReviewed, String lastReviewedBy, String actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into knowledge_document (collection, reference, title, body, owner, owner_group, last_reviewed,
                                                        review_interval_days, last_reviewed_by, version, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                .params(
                        in.collection(),
                        in.reference(),
                        in.title(),
                        in.body(),
                        in.owner(),
                        in.ownerGroup(),
                        lastReviewed,
                        in.reviewIntervalDays(),
                        lastReviewedBy,
                        actor)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void updateDocument(long id, DocumentInput in, LocalDate lastReviewed, String lastReviewedBy, String actor) {
        jdbc.sql("""
                        update knowledge_document set collection = ?, title = ?, body = ?, owner = ?, owner_group = ?,
                               last_reviewed = ?, review_interval_days = ?, last_reviewed_by = ?, version = version + 1,
                               updated_at = now(), updated_by = ?, retired_at = null, retired_by = null
                        where id = ?""")
                .params(
                        in.collection(),
                        in.title(),
                        in.body(),
                        in.owner(),
                        in.ownerGroup(),
                        lastReviewed,
                        in.reviewIntervalDays(),
                        lastReviewedBy,
                        actor,
                        id)
                .update();
    }

    /** Records a review that found the document up to date: a new version, reviewed today. */
    int markReviewed(long id, String reviewedBy, LocalDate today) {
        return jdbc.sql("""
                        update knowledge_document set last_reviewed = ?, last_reviewed_by = ?, version = version + 1,
                               updated_at = now(), updated_by = ?
                        where id = ?""").params(today, reviewedBy, reviewedBy, id).update();
    }

    /** The documents past their review date, retired ones excepted. */
    List<KnowledgeDocument> stale(LocalDate today) {
        return jdbc.sql("select d.* from knowledge_document d where d.retired_at is null and " + STALE
                        + " order by d.reference")
                .param("today", today)
                .query(Rows.of(KnowledgeDocument.class))
                .list();
    }

    /** The stale documents a person answers for: theirs, or one of their groups'. */
    List<KnowledgeDocument> staleOwnedBy(String username, Collection<String> groups, LocalDate today) {
        return jdbc.sql("""
                        select d.* from knowledge_document d
                        where d.retired_at is null and %s
                          and (d.owner = :username or d.owner_group = any(cast(:groups as text[])))
                        order by d.last_reviewed + d.review_interval_days, d.reference
                        limit 500""".formatted(STALE))
                .param("today", today)
                .param("username", username)
                .param("groups", groups.toArray(String[]::new))
                .query(Rows.of(KnowledgeDocument.class))
                .list();
    }

    /** The owner retired the document: a new version, no longer retrieved nor reviewed. */
    int retire(long id, String retiredBy) {
        return jdbc.sql("""
                        update knowledge_document set retired_at = now(), retired_by = ?, version = version + 1,
                               updated_at = now(), updated_by = ?
                        where id = ? and retired_at is null""").params(retiredBy, retiredBy, id).update();
    }

    void insertReview(long documentId, String taskId, ReviewDecision.Decision decision, String comment, String by) {
        jdbc.sql("""
                        insert into knowledge_review (document_id, task_id, decision, comment, decided_by, document_version)
                        select id, ?, ?, ?, ?, version from knowledge_document where id = ?""").params(taskId, decision.name(), comment, by, documentId).update();
    }

    List<KnowledgeDocuments.ReviewRecord> reviews(long documentId) {
        return jdbc.sql("""
                        select decision, comment, decided_by, decided_at, document_version from knowledge_review
                        where document_id = ? order by decided_at desc, id desc limit 50""")
                .param(documentId)
                .query(Rows.of(KnowledgeDocuments.ReviewRecord.class))
                .list();
    }

    List<KnowledgePassage> passages(long documentId) {
        return jdbc.sql(
                        "select id, document_id, ordinal, heading, text from knowledge_passage where document_id = ? order by ordinal")
                .param(documentId)
                .query(Rows.of(KnowledgePassage.class))
                .list();
    }

    /** The stored embeddings of a document's passages by their exact text, to reuse when it is re-ingested. */
    Map<String, float[]> embeddingsByText(long documentId) {
        Map<String, float[]> byText = new HashMap<>();
        jdbc.sql("""
                        select d.title, p.heading, p.text, p.embedding
                        from knowledge_passage p join knowledge_document d on d.id = p.document_id
                        where p.document_id = ? and p.embedding is not null""").param(documentId).query((RowCallbackHandler) rs -> byText.put(
                PassageText.forEmbedding(rs.getString("title"), rs.getString("heading"), rs.getString("text")),
                floats(rs.getArray("embedding"))));
        return byText;
    }

    /** Replaces every passage of the document; the caller's transaction makes it all or nothing. */
    void replacePassages(long documentId, List<PassageSplitter.Passage> passages, List<float[]> embeddings) {
        jdbc.sql("delete from knowledge_passage where document_id = ?")
                .param(documentId)
                .update();
        jdbcTemplate.batchUpdate("""
                insert into knowledge_passage (document_id, ordinal, heading, text, embedding) values (?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                PassageSplitter.Passage p = passages.get(i);
                ps.setLong(1, documentId);
                ps.setInt(2, p.ordinal());
                ps.setString(3, p.heading());
                ps.setString(4, p.text());
                float[] e = embeddings.get(i);
                if (e == null) {
                    ps.setNull(5, Types.ARRAY);
                } else {
                    Float[] boxed = new Float[e.length];
                    for (int j = 0; j < e.length; j++) {
                        boxed[j] = e[j];
                    }
                    ps.setArray(5, ps.getConnection().createArrayOf("float4", boxed));
                }
            }

            @Override
            public int getBatchSize() {
                return passages.size();
            }
        });
    }

    /** A query's stemmed words and the knowledge base's generation when they were read. */
    record Lexemes(long generation, List<String> words) {}

    /**
     * The query's stemmed words, as the french configuration indexes them (stop words dropped), with
     * the generation of the knowledge base ({@link PassageIndex}) in the same round trip.
     */
    Lexemes lexemes(String query) {
        return jdbc.sql("""
                        select (select generation from knowledge_generation) as generation,
                               tsvector_to_array(to_tsvector('french', ?)) as words""")
                .param(query)
                .query((rs, n) -> new Lexemes(rs.getLong("generation"), List.of((String[])
                        rs.getArray("words").getArray())))
                .single();
    }

    /**
     * The full-text candidates among the passages {@link PassageIndex} found (words checked by
     * {@link LexemeStatistics} to hold nothing but letters, digits, - and _), best first by how many
     * distinct words they hold, then by ts_rank_cd; the {@code limit} best, retired documents left out.
     */
    List<Candidate> candidates(List<PassageIndex.Hit> hits, List<String> words, int limit, LocalDate today) {
        if (hits.isEmpty()) {
            return List.of();
        }
        return statement("", hits, words, limit, today)
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("collection"),
                        rs.getInt("version"),
                        rs.getInt("ordinal"),
                        rs.getString("heading"),
                        rs.getString("text"),
                        rs.getObject("last_reviewed", LocalDate.class),
                        rs.getBoolean("stale"),
                        rs.getInt("matched_terms"),
                        words.size(),
                        rs.getDouble("rank"),
                        floats(rs.getBytes("embedding"))))
                .list();
    }

    /** The tsquery "any of the words". */
    static String anyWord(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(" | "));
    }

    /**
     * The candidates' query with its parameters; {@code prefix} goes before it (the benchmark's
     * {@code explain (analyze, buffers)}).
     */
    JdbcClient.StatementSpec statement(
            String prefix, List<PassageIndex.Hit> hits, List<String> words, int limit, LocalDate today) {
        return jdbc.sql(prefix + CANDIDATES.formatted(STALE))
                .param("ids", hits.stream().map(PassageIndex.Hit::passageId).toArray(Long[]::new))
                .param("matched", hits.stream().map(PassageIndex.Hit::matched).toArray(Integer[]::new))
                .param("any_word", anyWord(words))
                .param("today", today)
                .param("limit", limit);
    }

    /** A float4[] in PostgreSQL's binary array format (array_send), or null. */
    static float[] floats(byte[] binary) {
        if (binary == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(binary); // big-endian, as PostgreSQL sends it
        int dimensions = in.getInt();
        in.getInt(); // has nulls
        in.getInt(); // element type
        if (dimensions == 0) {
            return new float[0];
        }
        int length = in.getInt();
        in.getInt(); // lower bound
        for (int d = 1; d < dimensions; d++) {
            length *= in.getInt();
            in.getInt();
        }
        float[] result = new float[length];
        for (int i = 0; i < length; i++) {
            int size = in.getInt();
            if (size < 0) {
                return null; // a null element: treated as no embedding
            }
            result[i] = in.getFloat();
        }
        return result;
    }

    private static float[] floats(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object values = array.getArray();
        if (values instanceof float[] f) {
            return f;
        }
        Object[] boxed = (Object[]) values;
        float[] result = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            result[i] = ((Number) boxed[i]).floatValue();
        }
        return result;
    }
}
