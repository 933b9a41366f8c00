package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KnowledgeTest
class KnowledgeRetrievalIT {

    @Autowired
    KnowledgeIngestion ingestion;

    @Autowired
    KnowledgeRetriever retriever;

    @Autowired
    KnowledgeRepository repository;

    @Autowired
    LexemeStatistics statistics;

    @Autowired
    PassageIndex index;

    @Autowired
    JdbcClient jdbc;

    static DocumentInput doc(
            String reference, String collection, String title, String body, LocalDate lastReviewed, int interval) {
        return new DocumentInput(reference, collection, title, body, "ines", "claims-experts", lastReviewed, interval);
    }

    static String words(String sentence, int atLeast) {
        StringBuilder s = new StringBuilder();
        while (PassageSplitter.words(s.toString()) < atLeast) {
            s.append(sentence).append(' ');
        }
        return s.toString().strip();
    }

    @Test
    void ingestionSplitsByHeadingsAndReplacesThePassagesOfAReingestedDocument() {
        String body = "## Déclarer\n\n" + words("Le sociétaire déclare le sinistre en ligne ou par téléphone.", 120)
                + "\n\n## Indemniser\n\n" + words("L'indemnité est versée par virement après accord.", 90);
        var first = ingestion.ingest(
                doc("T-SPLIT-01", "t-split", "Sinistres : déclarer et indemniser", body, null, 365), "rachel");
        assertThat(first.created()).isTrue();
        assertThat(first.passages()).isEqualTo(2);
        assertThat(first.document().version()).isEqualTo(1);
        assertThat(first.document().lastReviewed()).isEqualTo(LocalDate.now());
        assertThat(first.document().lastReviewedBy()).isEqualTo("rachel");
        List<KnowledgePassage> passages = repository.passages(first.document().id());
        assertThat(passages).extracting(KnowledgePassage::heading).containsExactly("Déclarer", "Indemniser");
        assertThat(passages)
                .allSatisfy(p -> assertThat(PassageSplitter.words(p.text())).isBetween(80, 250));

        String changed = "## Déclarer\n\n" + words("Le sociétaire déclare le sinistre en ligne ou par téléphone.", 120)
                + "\n\n## Expertise\n\n" + words("L'expert mandaté prend rendez-vous sous dix jours.", 90)
                + "\n\n## Indemniser\n\n" + words("L'indemnité est versée par virement sous trente jours.", 90);
        var second = ingestion.ingest(
                doc("T-SPLIT-01", "t-split", "Sinistres : déclarer et indemniser", changed, null, 365), "rachel");
        assertThat(second.created()).isFalse();
        assertThat(second.document().id()).isEqualTo(first.document().id());
        assertThat(second.document().version()).isEqualTo(2);
        assertThat(repository.passages(first.document().id()))
                .extracting(KnowledgePassage::heading)
                .containsExactly("Déclarer", "Expertise", "Indemniser");
        assertThat(jdbc.sql("select count(*) from knowledge_passage where document_id = ?")
                        .param(first.document().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        // the unchanged first passage kept its embedding, the two others were embedded anew
        assertThat(second.reused()).isEqualTo(1);
        assertThat(second.embedded()).isEqualTo(2);
        assertThat(retriever.search("virement sous trente jours", Set.of("t-split"), 5))
                .first()
                .satisfies(p -> assertThat(p.heading()).isEqualTo("Indemniser"));
        assertThat(retriever.search("indemnité versée après accord", Set.of("t-split"), 5))
                .noneMatch(p -> p.text().contains("après accord"));
    }

    @Test
    void frenchStemmingFindsRemboursementForRembourser() {
        ingestion.ingest(
                doc(
                        "T-FTS-01",
                        "t-fts",
                        "Santé : délais",
                        "## Délais\n\n"
                                + "Le remboursement des soins intervient sous cinq jours ouvrés après la télétransmission.",
                        null,
                        365),
                "rachel");
        ingestion.ingest(
                doc(
                        "T-FTS-02",
                        "t-fts",
                        "Auto : vol",
                        "## Vol\n\n"
                                + "En cas de vol du véhicule, déposez plainte puis déclarez le vol sous deux jours ouvrés.",
                        null,
                        365),
                "rachel");

        List<RetrievedPassage> found =
                retriever.search("Quand vais-je être remboursé ? Comment me faire rembourser ?", Set.of("t-fts"), 5);
        assertThat(found).extracting(RetrievedPassage::reference).containsExactly("T-FTS-01");
        assertThat(found.get(0).title()).isEqualTo("Santé : délais");
        assertThat(found.get(0).heading()).isEqualTo("Délais");
        assertThat(retriever.search("remboursements", Set.of("t-fts"), 5))
                .extracting(RetrievedPassage::reference)
                .containsExactly("T-FTS-01");
        assertThat(retriever.search("le la les de", Set.of("t-fts"), 5)).isEmpty();
        assertThat(retriever.search("remboursement", Set.of("another-collection"), 5))
                .isEmpty();
    }

    @Test
    void staleDocumentsAreFlagged() {
        LocalDate today = LocalDate.now();
        ingestion.ingest(
                doc(
                        "T-STALE-01",
                        "t-stale",
                        "Franchise ancienne",
                        "La franchise dégât des eaux est de 150 euros.",
                        today.minusDays(400),
                        365),
                "rachel");
        ingestion.ingest(
                doc(
                        "T-STALE-02",
                        "t-stale",
                        "Franchise à jour",
                        "La franchise dégât des eaux est de 120 euros.",
                        today.minusDays(30),
                        365),
                "rachel");
        // due today exactly: not yet stale
        ingestion.ingest(
                doc(
                        "T-STALE-03",
                        "t-stale",
                        "Franchise limite",
                        "La franchise dégât des eaux est de 130 euros.",
                        today.minusDays(365),
                        365),
                "rachel");

        List<RetrievedPassage> found = retriever.search("franchise dégât des eaux", Set.of("t-stale"), 5);
        assertThat(found).hasSize(3);
        assertThat(found)
                .filteredOn(RetrievedPassage::stale)
                .extracting(RetrievedPassage::reference)
                .containsExactly("T-STALE-01");
        assertThat(found)
                .filteredOn(RetrievedPassage::stale)
                .singleElement()
                .satisfies(p -> assertThat(p.citation())
                        .isEqualTo("T-STALE-01 v1 — Franchise ancienne (document à relire, dernière relecture le "
                                + today.minusDays(400)
                                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                                + " : à vérifier)"));
        assertThat(repository.stale(today))
                .extracting(KnowledgeDocument::reference)
                .contains("T-STALE-01")
                .doesNotContain("T-STALE-02", "T-STALE-03");
    }

    @Test
    void rerankingPutsThePassageThatAnswersTheQuestionFirst() {
        ingestion.ingest(
                doc(
                        "T-RR-01",
                        "t-rerank",
                        "Prévention",
                        "## L'argent liquide à la maison\n\n"
                                + "Ne gardez pas d'argent liquide chez vous. L'argent en espèces volé n'est couvert que jusqu'à 800 euros : "
                                + "au-delà, aucune indemnisation. Rangez l'argent et les bijoux dans un meuble fermé à clé ; "
                                + "l'indemnisation de l'argent suppose ce rangement.",
                        null,
                        365),
                "rachel");
        ingestion.ingest(
                doc(
                        "T-RR-02",
                        "t-rerank",
                        "Sinistres",
                        "## Versement de l'indemnité\n\n"
                                + "Une fois l'accord donné sur le montant de l'indemnisation, l'argent vous est versé par virement "
                                + "sous dix jours ouvrés.",
                        null,
                        365),
                "rachel");
        ingestion.ingest(
                doc(
                        "T-RR-03",
                        "t-rerank",
                        "Auto",
                        "## Franchise\n\n"
                                + "La franchise reste à votre charge ; l'indemnisation du conducteur non désigné est réduite.",
                        null,
                        365),
                "rachel");
        String question = "Quand vais-je recevoir l'argent de mon indemnisation ?";

        // full-text search alone prefers the passage that repeats the words « argent » and « indemnisation »
        List<RetrievedPassage> textOnly = retriever.search(question, Set.of("t-rerank"), 3, false);
        assertThat(textOnly).extracting(RetrievedPassage::reference).containsExactly("T-RR-01", "T-RR-02", "T-RR-03");
        assertThat(textOnly).allSatisfy(p -> assertThat(p.similarity()).isNull());

        // the embeddings see that the payment passage answers the question
        List<RetrievedPassage> reranked = retriever.search(question, Set.of("t-rerank"), 3);
        assertThat(reranked).extracting(RetrievedPassage::reference).containsExactly("T-RR-02", "T-RR-01", "T-RR-03");
        assertThat(reranked).allSatisfy(p -> assertThat(p.similarity()).isNotNull());
        assertThat(reranked.get(0).score()).isBetween(0.0, 1.0);

        // a bare list of keywords carries no intent: the words matched keep the order
        assertThat(retriever.search("argent indemnisation", Set.of("t-rerank"), 3))
                .extracting(RetrievedPassage::reference)
                .startsWith("T-RR-01");
    }

    @Test
    void withoutTheEmbeddingModelRetrievalFallsBackToFullTextSearch() {
        ingestion.ingest(
                doc(
                        "T-FB-01",
                        "t-fallback",
                        "Dégât des eaux",
                        "## Convention\n\n"
                                + "Jusqu'à 1 600 euros de dommages, l'assureur de l'occupant indemnise sans expertise.",
                        null,
                        365),
                "rachel");
        var noModel = new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(dev.langchain4j.model.embedding.EmbeddingModel.class);
        var properties = new KnowledgeProperties(java.nio.file.Path.of("target/model-cache"), true, 40, 0.4, false);
        var embedder = new PassageEmbedder(noModel, properties);
        var degraded = new KnowledgeRetriever(repository, statistics, index, embedder, properties);

        List<RetrievedPassage> found = degraded.search("indemniser sans expertise", Set.of("t-fallback"), 5);
        assertThat(found).extracting(RetrievedPassage::reference).containsExactly("T-FB-01");
        assertThat(found.get(0).similarity()).isNull();
        assertThat(found.get(0).score()).isEqualTo(1.0);
        assertThat(embedder.available()).isFalse();
        // and again, without trying to load the model a second time
        assertThat(degraded.search("expertise", Set.of("t-fallback"), 5)).hasSize(1);
    }

    @Test
    void aQueryIsEmbeddedOnlyWhenTheIndexFoundPassagesToRerank() {
        ingestion.ingest(
                doc(
                        "T-EQ-01",
                        "t-embed-query",
                        "Résiliation",
                        "## Délai\n\nLa résiliation prend effet un mois après la réception de la demande.",
                        null,
                        365),
                "rachel");
        var embedded = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new dev.langchain4j.model.embedding.EmbeddingModel() {
            @Override
            public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                    List<dev.langchain4j.data.segment.TextSegment> segments) {
                embedded.addAndGet(segments.size());
                return dev.langchain4j.model.output.Response.from(segments.stream()
                        .map(s -> dev.langchain4j.data.embedding.Embedding.from(new float[] {1, 0, 0}))
                        .toList());
            }
        };
        var factory = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        factory.addBean("knowledgeEmbeddingModel", counting);
        var properties = new KnowledgeProperties(java.nio.file.Path.of("target/model-cache"), true, 40, 0.4, false);
        var counted = new KnowledgeRetriever(
                repository,
                statistics,
                index,
                new PassageEmbedder(
                        factory.getBeanProvider(dev.langchain4j.model.embedding.EmbeddingModel.class), properties),
                properties);

        // no passage holds these words, and an empty collection holds none: nothing to re-rank, no embedding
        assertThat(counted.search("hippopotame trampoline", Set.of("t-embed-query"), 5))
                .isEmpty();
        assertThat(counted.search("résiliation", Set.of("t-embed-query-empty"), 5))
                .isEmpty();
        assertThat(embedded).hasValue(0);
        // a passage found: the query is embedded once to re-rank it
        assertThat(counted.search("résiliation", Set.of("t-embed-query"), 5))
                .extracting(RetrievedPassage::reference)
                .containsExactly("T-EQ-01");
        assertThat(embedded).hasValue(1);
    }

    @Test
    void passagesHoldingMoreOfTheWordsComeFirst() {
        ingestion.ingest(
                doc(
                        "T-PAIR-01",
                        "t-pairs",
                        "Franchises",
                        "## Franchise\n\n"
                                + "La franchise, la franchise, toujours la franchise : elle reste à la charge du sociétaire.",
                        null,
                        365),
                "rachel");
        ingestion.ingest(
                doc(
                        "T-PAIR-02",
                        "t-pairs",
                        "Bris de glace",
                        "## Pare-brise\n\n"
                                + "Pour un pare-brise remplacé, la franchise est de 75 euros ; un bris de glace réparé n'en a pas.",
                        null,
                        365),
                "rachel");
        var lexemes = repository.lexemes("franchise du pare-brise après un bris de glace");
        assertThat(statistics.searchWords(lexemes)).hasSizeGreaterThanOrEqualTo(3);

        // one passage wanted: the one holding the most words
        assertThat(retriever.candidates(lexemes, Set.of("t-pairs"), 1))
                .extracting(KnowledgeRepository.Candidate::reference)
                .containsExactly("T-PAIR-02");
        // more wanted: every passage holding one of the words, best first
        assertThat(retriever.candidates(lexemes, Set.of("t-pairs"), 5))
                .extracting(KnowledgeRepository.Candidate::reference)
                .containsExactly("T-PAIR-02", "T-PAIR-01");
    }

    @Test
    void theInMemoryIndexFollowsEveryChangeOfTheBaseWhicheverNodeMadeIt() {
        var ingested = ingestion.ingest(
                doc(
                        "T-INDEX-01",
                        "t-index",
                        "Trottinettes",
                        "## Trottinette électrique\n\nUne trottinette électrique est couverte par l'option mobilité.",
                        null,
                        365),
                "rachel");
        assertThat(retriever.search("trottinette électrique", Set.of("t-index"), 5))
                .extracting(RetrievedPassage::reference)
                .containsExactly("T-INDEX-01");

        // retired: no longer retrieved, on the next search
        repository.retire(ingested.document().id(), "ines");
        assertThat(retriever.search("trottinette électrique", Set.of("t-index"), 5))
                .isEmpty();

        // written by another node (plain SQL, nothing in this JVM told): found on the next search
        long other = jdbc.sql("""
                        insert into knowledge_document (collection, reference, title, body, owner, owner_group,
                                                        last_reviewed, review_interval_days, version, updated_by)
                        values ('t-index', 'T-INDEX-02', 'Gyropodes', 'Un gyropode est couvert.', 'ines',
                                'claims-experts', current_date, 365, 1, 'rachel') returning id""").query(Long.class).single();
        jdbc.sql("insert into knowledge_passage (document_id, ordinal, heading, text) values (?, 0, 'Gyropode', ?)")
                .params(other, "Un gyropode électrique est couvert par l'option mobilité.")
                .update();
        assertThat(retriever.search("gyropode électrique", Set.of("t-index"), 5))
                .extracting(RetrievedPassage::reference)
                .containsExactly("T-INDEX-02");

        // moved to another collection by another node
        jdbc.sql("update knowledge_document set collection = 't-index-moved' where id = ?")
                .param(other)
                .update();
        assertThat(retriever.search("gyropode électrique", Set.of("t-index"), 5))
                .isEmpty();
        assertThat(retriever.search("gyropode électrique", Set.of("t-index-moved"), 5))
                .extracting(RetrievedPassage::reference)
                .containsExactly("T-INDEX-02");
    }
}
