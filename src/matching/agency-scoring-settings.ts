/** The agency's scoring settings as the API reads, saves and previews them: one tenant transaction each. */
import { inTenantTransaction } from '../db/with-tenant.js';
import { getSettings, previewSettings, updateSettings } from './tenant-settings.js';

export const showScoringSettings = inTenantTransaction(getSettings);
export const saveScoringSettings = inTenantTransaction(updateSettings);
export const previewScoringSettings = inTenantTransaction(previewSettings);
