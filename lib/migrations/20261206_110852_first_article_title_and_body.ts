import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`summary\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_summary\` text;`)
  // ON DELETE as the snapshot says (drizzle-kit leaves it out of ADD COLUMN): deleting a profile
  // unlinks its login instead of being refused by the foreign key.
  await db.run(sql`ALTER TABLE \`users\` ADD \`author_id\` text(36) REFERENCES authors(id) ON UPDATE no action ON DELETE set null;`)
  // Articles saved before the summary existed all have an excerpt (it was required): it is their summary.
  await db.run(sql`UPDATE \`articles\` SET \`summary\` = trim(\`excerpt\`) WHERE \`excerpt\` IS NOT NULL AND trim(\`excerpt\`) <> '';`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_summary\` = trim(\`version_excerpt\`) WHERE \`version_excerpt\` IS NOT NULL AND trim(\`version_excerpt\`) <> '';`)
  await db.run(sql`CREATE INDEX \`users_author_idx\` ON \`users\` (\`author_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'editor' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`summary\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_summary\`;`)
}
