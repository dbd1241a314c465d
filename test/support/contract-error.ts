import { ContractError } from '../../shared/contract/envelope';

/** The ContractError code `fn` throws, or undefined when it does not throw. */
export const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ContractError ? error.code : `not a ContractError: ${String(error)}`;
  }
  return undefined;
};
