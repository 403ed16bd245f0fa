import type { SallaCustomer } from '../salla/customer.js';
import { CITIES, EMAIL_DOMAINS, FAMILY_NAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './people.js';
import type { Rng } from './rng.js';

const MOBILE_PREFIXES = ['50', '53', '54', '55', '56', '58', '59'] as const;

/** One Saudi customer registered at `createdAt`. */
export function generateCustomer(rng: Rng, id: number, createdAt: Date): SallaCustomer {
  const female = rng.chance(0.52);
  const [firstName, firstLatin] = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const [lastName, lastLatin] = rng.pick(FAMILY_NAMES);
  const mobile = `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  return {
    id,
    first_name: firstName,
    last_name: lastName,
    mobile,
    mobile_code: '+966',
    email: `${firstLatin}.${lastLatin}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`,
    gender: female ? 'female' : 'male',
    city: rng.weighted(CITIES),
    country: 'السعودية',
    country_code: 'SA',
    currency: 'SAR',
    created_at: createdAt,
    updated_at: createdAt,
  };
}
