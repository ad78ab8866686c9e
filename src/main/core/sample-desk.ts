// A throw-away desk made ready for work the way a shop does it on its first
// day (setup: the shop's header and the first manager's PIN), for the sample
// documents and the bench. Answers with the manager's session.
import { SAMPLE_SHOP } from './documents/sample';
import type { Desk } from './desk';
import type { Language } from '../../shared/domain';

export const SAMPLE_MANAGER_PIN = '2468';

export async function setUpSampleDesk(desk: Desk, language: Language = 'en'): Promise<string> {
  const result = await desk.dispatch('setup.complete', {
    shopName: SAMPLE_SHOP.name,
    shopAddress: SAMPLE_SHOP.address,
    shopPhone: SAMPLE_SHOP.phone,
    language,
    managerName: 'Manager',
    managerPin: SAMPLE_MANAGER_PIN,
  });
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result.error)}`);
  return (result.data as { token: string }).token;
}
