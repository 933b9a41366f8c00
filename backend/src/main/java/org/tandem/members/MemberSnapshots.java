package org.tandem.members;

import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The member a case is opened for, and the copy the case keeps. A case stores only the member's
 * number; its AI step (the pseudonymiser), its case file and the task list read the member from the
 * {@code member} table. With the database directory that table is the directory itself. With the HTTP
 * directory, opening a case fetches the member from the member system and stores (or refreshes) a
 * copy in that table, in the case's own transaction: a case never calls the member system again, and
 * keeps working when it is down. The copy is refreshed each time a new case is opened for the member.
 */
@Service
public class MemberSnapshots {

    private final MemberDirectory directory;
    private final MemberRepository repository;

    MemberSnapshots(MemberDirectory directory, MemberRepository repository) {
        this.directory = directory;
        this.repository = repository;
    }

    /** Looks the member up in the configured directory (outside any transaction: it may call the network). */
    public Optional<Member> find(String id) {
        return directory.find(id);
    }

    /** Keeps the copy the case will read; call it in the transaction that opens the case. */
    public void keep(Member member) {
        if (directory.kind() == MemberDirectory.Kind.HTTP) {
            repository.upsert(member, MemberRepository.Origin.HTTP);
        }
    }
}
