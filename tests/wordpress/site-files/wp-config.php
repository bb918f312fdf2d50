<?php
// The test site's own configuration: Debian's wp-config.php reads /etc/wordpress, which a test must not touch.
$settings = json_decode(file_get_contents(__DIR__ . '/site.json'), true);
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . $settings['socket']);
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, $settings['salt'] . $key);
}
$table_prefix = 'wp_';
// Application passwords over plain HTTP are allowed on a "local" site only.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', $settings['url']);
define('WP_SITEURL', $settings['url']);
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', $settings['url'] . '/wp-content');
// Nothing leaves the machine: no update checks, no cron requests to itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
