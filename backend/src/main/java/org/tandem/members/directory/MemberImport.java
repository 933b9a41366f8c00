package org.tandem.members.directory;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.members.Member;
import org.tandem.members.MemberDirectory;
import org.tandem.members.MemberRepository;
import org.tandem.platform.web.ApiException;

/**
 * The CSV import of a pilot's members into Tandem's member table: the whole file is checked first,
 * then stored in one transaction, so a refused file changes nothing. A member already in the table
 * (same number) is updated; none is deleted (cases keep referring to them).
 */
@Service
class MemberImport {

    record Result(int imported, int created, int updated) {}

    private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

    private final MemberDirectory directory;
    private final MemberRepository repository;
    private final TransactionTemplate transaction;

    MemberImport(MemberDirectory directory, MemberRepository repository, TransactionTemplate transaction) {
        this.directory = directory;
        this.repository = repository;
        this.transaction = transaction;
    }

    Result importCsv(byte[] file, String actor) {
        if (directory.kind() != MemberDirectory.Kind.DATABASE) {
            throw ApiException.conflict("L'annuaire configuré est le système des sociétaires de l'assureur (HTTP) :"
                    + " l'import CSV ne sert qu'à l'annuaire de Tandem (tandem.members.directory=database).");
        }
        List<Member> members;
        try {
            members = MemberCsv.parse(file);
        } catch (MemberCsv.Invalid e) {
            throw ApiException.invalidField("file", e.summary());
        }
        Result result = transaction.execute(status -> {
            Set<String> existing =
                    repository.existing(members.stream().map(Member::id).toList());
            repository.upsertAll(members, MemberRepository.Origin.CSV);
            return new Result(members.size(), members.size() - existing.size(), existing.size());
        });
        log.info("Members imported from CSV by {}: {} created, {} updated", actor, result.created(), result.updated());
        return result;
    }
}
