package org.tandem.members.directory;

import java.util.List;
import java.util.Optional;
import org.tandem.members.Member;
import org.tandem.members.MemberDirectory;
import org.tandem.members.MemberRepository;

/** The database directory: Tandem's own member table, filled by the CSV import of a pilot (or the demo). */
final class DatabaseMemberDirectory implements MemberDirectory {

    private final MemberRepository repository;

    DatabaseMemberDirectory(MemberRepository repository) {
        this.repository = repository;
    }

    @Override
    public Kind kind() {
        return Kind.DATABASE;
    }

    @Override
    public List<Member> search(String text, int limit) {
        return repository.search(text, limit);
    }

    @Override
    public Optional<Member> find(String id) {
        return repository.findById(id);
    }
}
