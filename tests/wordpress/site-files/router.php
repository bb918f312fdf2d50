<?php
// PHP's built-in server in front of WordPress: files as they are, everything else to index.php, as
// Apache's rewrite rules do for "Post name" permalinks and /wp-json/.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($path !== '/' && is_file(__DIR__ . $path)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir(__DIR__);
require __DIR__ . '/index.php';
