// The calls' submission form (public, through a mailed link) and the secretariat's list of submissions.
export { callSubmitRoutes } from './routes.tsx';
export { callSubmitAdminRoutes } from './admin-routes.tsx';
