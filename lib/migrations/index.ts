import * as migration_20261124_033940_initial from './20261124_033940_initial';
import * as migration_20261127_221544_seo_search_redirects from './20261127_221544_seo_search_redirects';
import * as migration_20261127_223339_scheduled_publishing from './20261127_223339_scheduled_publishing';
import * as migration_20261127_230822_inquiries_login_lockout from './20261127_230822_inquiries_login_lockout';
import * as migration_20261128_035638_media_avif_sizes from './20261128_035638_media_avif_sizes';
import * as migration_20261206_110852_first_article_title_and_body from './20261206_110852_first_article_title_and_body';
import * as migration_20261206_124810_per_address_login_limits_held_inquiries from './20261206_124810_per_address_login_limits_held_inquiries';
import * as migration_20261206_142834_s3_media_prefix from './20261206_142834_s3_media_prefix';
import * as migration_20261206_160628_practice_services from './20261206_160628_practice_services';
import * as migration_20261206_161010_wordpress_import from './20261206_161010_wordpress_import';

export const migrations = [
  {
    up: migration_20261124_033940_initial.up,
    down: migration_20261124_033940_initial.down,
    name: '20261124_033940_initial',
  },
  {
    up: migration_20261127_221544_seo_search_redirects.up,
    down: migration_20261127_221544_seo_search_redirects.down,
    name: '20261127_221544_seo_search_redirects',
  },
  {
    up: migration_20261127_223339_scheduled_publishing.up,
    down: migration_20261127_223339_scheduled_publishing.down,
    name: '20261127_223339_scheduled_publishing',
  },
  {
    up: migration_20261127_230822_inquiries_login_lockout.up,
    down: migration_20261127_230822_inquiries_login_lockout.down,
    name: '20261127_230822_inquiries_login_lockout',
  },
  {
    up: migration_20261128_035638_media_avif_sizes.up,
    down: migration_20261128_035638_media_avif_sizes.down,
    name: '20261128_035638_media_avif_sizes',
  },
  {
    up: migration_20261206_110852_first_article_title_and_body.up,
    down: migration_20261206_110852_first_article_title_and_body.down,
    name: '20261206_110852_first_article_title_and_body',
  },
  {
    up: migration_20261206_124810_per_address_login_limits_held_inquiries.up,
    down: migration_20261206_124810_per_address_login_limits_held_inquiries.down,
    name: '20261206_124810_per_address_login_limits_held_inquiries',
  },
  {
    up: migration_20261206_142834_s3_media_prefix.up,
    down: migration_20261206_142834_s3_media_prefix.down,
    name: '20261206_142834_s3_media_prefix',
  },
  {
    up: migration_20261206_160628_practice_services.up,
    down: migration_20261206_160628_practice_services.down,
    name: '20261206_160628_practice_services',
  },
  {
    up: migration_20261206_161010_wordpress_import.up,
    down: migration_20261206_161010_wordpress_import.down,
    name: '20261206_161010_wordpress_import'
  },
];
