-- What a labeller could see when they gave a label (issue #12).
-- blind: nothing of the judge and nothing of other labellers was shown for the item.
-- seen:  what was shown, in words ('' when blind): which judge run, which labellers.
-- Agreement, the human ceiling and the verdict count blind labels only, unless asked otherwise.
ALTER TABLE labels ADD COLUMN blind BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE labels ADD COLUMN seen CHARACTER VARYING(500) DEFAULT '' NOT NULL;
-- Labels stored before V9 migrate as blind only where that is provable. The review desk never showed
-- a judge score before V9 (judge_hidden was true for every desk label), so a desk label was blind
-- unless the Blind box was off and another labeller had already labelled the comment; whether the
-- box was off was not recorded. A label from a pack was made elsewhere, by rules not recorded here.
UPDATE labels l SET blind = (l.import_id IS NULL AND l.origin = 'desk' AND l.judge_hidden
        AND NOT EXISTS (SELECT 1 FROM labels o WHERE o.rollout_id = l.rollout_id
                          AND o.comment_position = l.comment_position AND o.labeller <> l.labeller
                          AND o.id < l.id));
UPDATE labels SET seen = CASE
        WHEN blind THEN ''
        WHEN NOT judge_hidden THEN 'the judge''s scores (recorded before Juror kept which run)'
        WHEN import_id IS NULL AND origin = 'desk'
            THEN 'not recorded: other labellers had labelled this comment before and the Blind box may have been off'
        ELSE 'not recorded: imported from a label pack before Juror kept what a labeller could see' END;
