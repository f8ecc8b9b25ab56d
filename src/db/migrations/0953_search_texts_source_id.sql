-- Each text carries its document's source id (an initiative's id, say): a module's own listing that
-- filters by text (the initiatives archive) reads the ids of every match straight from the texts,
-- instead of looking each document up again (14 ms for "cooperatives" among 50,000 initiatives).
ALTER TABLE search_texts ADD COLUMN source_id integer;
UPDATE search_texts t SET source_id = d.source_id FROM search_documents d WHERE d.id = t.document_id;
ALTER TABLE search_texts ALTER COLUMN source_id SET NOT NULL;
