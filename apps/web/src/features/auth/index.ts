export { meQueryOptions, useMe, type Me } from './api/me';
export { useLogout } from './api/logout';
export { LoginPage } from './routes/LoginPage';
