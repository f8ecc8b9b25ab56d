// The selection and programme of a call, as the composition root registers them.
import { programmeRoutes } from '../programme/routes.tsx';
import { notificationRoutes } from './notification-routes.tsx';
import { selectionRoutes } from './routes.tsx';

export { defineSelectionJobs } from './notify.ts';
export const callSelectionRoutes = [...selectionRoutes, ...notificationRoutes, ...programmeRoutes];
