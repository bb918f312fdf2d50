<?php
// Installs WordPress without its web installer and prints an application password for the admin.
$settings = json_decode(file_get_contents(__DIR__ . '/site.json'), true);
$url = parse_url($settings['url']);
$_SERVER['HTTP_HOST'] = $url['host'] . ':' . $url['port'];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Test site', 'admin', 'admin@example.com', true, '', wp_generate_password(24));
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'Asia/Seoul');
switch_theme('plain-test-theme');
$created = WP_Application_Passwords::create_new_application_password($result['user_id'], ['name' => 'tistory-export tests']);
if (is_wp_error($created)) {
    fwrite(STDERR, $created->get_error_message());
    exit(1);
}
echo json_encode(['user' => 'admin', 'password' => $created[0]]);
