<?php
// Lets a test turn the application-password feature off, as a security plugin or a host would.
if (file_exists(WP_CONTENT_DIR . '/no-application-passwords')) {
    add_filter('wp_is_application_passwords_available', '__return_false');
}
// Lets a test make the site fail as a crashed PHP or a broken gateway would: a REST request whose method
// and route are those of wp-content/fail-rest.json, and whose body holds its text, is answered 503 with no
// WordPress error in it. Each one so answered is counted in wp-content/fail-rest.log.
if (file_exists(WP_CONTENT_DIR . '/fail-rest.json')) {
    $rule = json_decode(file_get_contents(WP_CONTENT_DIR . '/fail-rest.json'), true);
    $route = '/wp-json' . $rule['route'];
    $path = urldecode(parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?? '/');
    if (($_SERVER['REQUEST_METHOD'] ?? 'GET') === $rule['method'] && rtrim($path, '/') === $route
        && strpos(file_get_contents('php://input'), $rule['body_contains']) !== false) {
        file_put_contents(WP_CONTENT_DIR . '/fail-rest.log', "503\n", FILE_APPEND | LOCK_EX);
        http_response_code(503);
        header('Content-Type: text/html');
        echo '<html><body><h1>503 Service Unavailable</h1></body></html>';
        exit;
    }
}
