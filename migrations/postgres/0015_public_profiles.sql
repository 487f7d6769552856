-- Authors' names link to a public profile of their visible contributions, unless the person
-- chose to show none (`/konto`).
ALTER TABLE users ADD COLUMN profile_public BOOLEAN NOT NULL DEFAULT TRUE;
