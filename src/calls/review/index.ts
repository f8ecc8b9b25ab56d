import { reviewAdminRoutes } from './admin-routes.tsx';
import { reviewerRoutes } from './routes.tsx';

/** The review's two route tables: the secretariat's (calls.manage) and the reviewers' (calls.review + the guard). */
export const reviewRoutes = [...reviewAdminRoutes, ...reviewerRoutes];
