import { z } from 'zod';
import { optionalField, sallaId } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

/**
 * app.installed / app.updated / app.uninstalled / app.trial.* / app.subscription.* /
 * app.settings.updated. Everything is optional: the event name itself is the news.
 */
export const sallaAppLifecycleSchema = z.looseObject({
  id: optionalField(sallaId),
  app_name: optionalField(z.string()),
  app_description: optionalField(z.string()),
  app_type: optionalField(z.string()),
  app_scopes: optionalField(z.array(z.string())),
  store_type: optionalField(z.string()),
  plan_type: optionalField(z.string()),
  plan_name: optionalField(z.string()),
  installation_date: optionalField(sallaDateSchema),
  uninstallation_date: optionalField(sallaDateSchema),
  start_date: optionalField(sallaDateSchema),
  end_date: optionalField(sallaDateSchema),
  settings: optionalField(z.record(z.string(), z.unknown())),
});

export type SallaAppLifecycle = z.output<typeof sallaAppLifecycleSchema>;
