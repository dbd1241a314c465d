import type { ImportEntityName } from '../../../shared/contract/schemas';
import { customersEntity } from './customers';
import { eventsEntity } from './events';
import { ordersEntity } from './orders';
import type { ImportEntity } from './pipeline';
import { withValidation } from './validation/with-validation';

/** Every entity an import can bring in, by the name the contract and imports.kind use. */
export const ENTITIES: { readonly [K in ImportEntityName]: ImportEntity<unknown> } = {
  customers: withValidation(customersEntity),
  orders: withValidation(ordersEntity),
  events: withValidation(eventsEntity),
};
