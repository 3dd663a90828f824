// Who is logged in (`/api/me`): the customer or staff member, their role and permissions, whom a
// staff member views as. Every page asks it; login and logout set it.
export { meKeys } from './keys';
export { fetchMe, meQueryOptions, useMe, type Me } from './api/me';
