-- Business accounts are verified by staff (issue 11): the organisation a business account
-- names is shown ("für Firma X") only once a moderator verified it. A new or renamed
-- organisation waits as 'pending'; 'rejected' keeps the account a person's account.
ALTER TABLE users ADD COLUMN organisation_status TEXT NOT NULL DEFAULT 'pending'
    CHECK (organisation_status IN ('pending', 'verified', 'rejected'));
-- The reason of a rejection in the moderator's words, shown to the account (the log keeps
-- the decision itself).
ALTER TABLE users ADD COLUMN organisation_review_reason TEXT;
CREATE INDEX users_organisation_pending_idx ON users (created_at, id)
    WHERE role = 'business' AND organisation_status = 'pending';

-- The log learns the two decisions, and the approval of a pre-moderated contribution
-- (0014).
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
    CHECK (action IN ('report', 'hide', 'restore', 'keep', 'change_role', 'block', 'unblock',
                      'objection', 'objection_upheld', 'objection_granted',
                      'verify_organisation', 'reject_organisation', 'approve'));
