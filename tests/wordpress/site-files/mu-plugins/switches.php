<?php
// Lets a test turn the application-password feature off, as a security plugin or a host would.
if (file_exists(WP_CONTENT_DIR . '/no-application-passwords')) {
    add_filter('wp_is_application_passwords_available', '__return_false');
}
