/** Where the application password comes from when `--wp-app-password` is not given. Alone, for the option table. */
export const APP_PASSWORD_ENV = 'TISTORY_EXPORT_WP_APP_PASSWORD';
