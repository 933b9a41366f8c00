-- The knowledge base's generation: moved by any change of passages, of a document's collection or of its
-- retirement, in the changing transaction (visible with the change, on every node). Each node's in-memory
-- passage index (PassageIndex) is rebuilt when a search reads a newer generation.
create table knowledge_generation (
    generation bigint not null
);
insert into knowledge_generation (generation) values (1);

create function knowledge_generation_move() returns trigger language plpgsql as $$
begin
    update knowledge_generation set generation = generation + 1;
    return null;
end $$;

create trigger knowledge_passage_generation
    after insert or update or delete or truncate on knowledge_passage
    for each statement execute function knowledge_generation_move();

create trigger knowledge_document_generation
    after update of collection, retired_at or delete or truncate on knowledge_document
    for each statement execute function knowledge_generation_move();
