import { z } from 'zod';

/**
 * Who an order or event belongs to, as the file names them: an external id
 * (the customers' id), an email, or one column holding either. The key is the
 * id when there is one, else the email in lower case; linking tries the id
 * first, then the email (case-insensitive).
 */
export interface CustomerRef {
  customer_key: string;
  customer_email?: string;
}

const emailSchema = z.email();
const looksLikeEmail = (value: string): boolean => value.includes('@');

export type CustomerRefResult = { ok: true; ref: CustomerRef } | { ok: false; reason: string };

export function customerRef(cells: { customer_id?: string; customer_email?: string; customer?: string }, noun: string): CustomerRefResult {
  let id = cells.customer_id;
  let email = cells.customer_email;
  const either = cells.customer;
  if (either !== undefined) {
    if (looksLikeEmail(either)) email ??= either;
    else id ??= either;
  }
  if (email !== undefined && !emailSchema.safeParse(email).success) {
    return { ok: false, reason: `"${email}" is not a valid email address; correct it so the ${noun} can be linked to its customer` };
  }
  if (id === undefined && email === undefined) {
    return { ok: false, reason: `no customer id or email; fill one in so the ${noun} can be linked to its customer` };
  }
  const lower = email?.toLowerCase();
  return { ok: true, ref: { customer_key: id ?? (lower as string), ...(lower === undefined ? {} : { customer_email: lower }) } };
}
