import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, Output } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import type { MethodName } from '../../shared/contract/methods';
import { api } from './transport';

/**
 * Query keys start with the method name, so invalidating a method's key
 * refreshes every cached call of it whatever its input.
 */
export function useApi<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ContractError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ContractError>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    ...options,
  });
}

/** Methods whose cached results a successful call of `method` makes stale. */
const INVALIDATES: Partial<Record<MethodName, MethodName[]>> = {
  'templates.create': ['templates.list', 'workspace.current'],
  'templates.save': ['templates.list', 'templates.get'],
  'templates.rename': ['templates.list', 'templates.get'],
  'templates.delete': ['templates.list', 'workspace.current'],
  'segments.save': ['segments.list', 'personas.list', 'workspace.current', 'customers.list', 'segments.overview', 'preview.render'],
  'segments.delete': ['segments.list', 'personas.list', 'workspace.current', 'segments.overview', 'preview.render'],
  'segments.refresh': ['segments.list', 'segments.overview', 'customers.list', 'preview.render'],
  'personas.save': ['personas.list'],
  'personas.delete': ['personas.list'],
  'personas.step': ['personas.list'],
  'validation.setRule': ['validation.rules'],
  'imports.undo': [
    'imports.list',
    'imports.rejections',
    'customers.list',
    'customers.get',
    'customers.fields',
    'workspace.current',
    'preview.render',
  ],
};

export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient();
  return useMutation<Output<M>, ContractError, Input<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: async () => {
      await Promise.all((INVALIDATES[method] ?? []).map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

/** After a workspace switch or an import everything cached may be stale. */
export function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export const errorMessage = (error: unknown): string =>
  error instanceof ContractError || error instanceof Error ? error.message : String(error);
