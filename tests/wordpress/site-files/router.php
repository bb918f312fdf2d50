<?php
// PHP's built-in server in front of WordPress: files as they are, everything else to index.php, as
// Apache's rewrite rules do for "Post name" permalinks and /wp-json/.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
// A test may give uploads a size limit, as a web server's client_max_body_size does (PHP itself
// hands WordPress a raw request body of any size): a larger one gets the web server's 413 page.
$limit = @file_get_contents(__DIR__ . '/wp-content/upload-limit');
if ($limit !== false && strpos($path, '/wp-json/wp/v2/media') === 0 && (int) ($_SERVER['CONTENT_LENGTH'] ?? 0) > (int) $limit) {
    http_response_code(413);
    header('Content-Type: text/html');
    echo '<html><head><title>413 Request Entity Too Large</title></head><body><h1>413 Request Entity Too Large</h1></body></html>';
    return true;
}
if ($path !== '/' && is_file(__DIR__ . $path)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir(__DIR__);
require __DIR__ . '/index.php';
