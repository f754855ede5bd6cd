export { PERMISSIONS, ROLES, isRole, roleCan, type Permission, type Role } from './permissions.ts';
