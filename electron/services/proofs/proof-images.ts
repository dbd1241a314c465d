import { ContractError } from '../../../shared/contract/envelope';

/** Runs whose PNGs stay viewable in the studio; older ones are in their zip only. */
const KEEP_RUNS = 3;

/**
 * The PNGs of the last few proofs runs, by job id, so the studio can show
 * them without reading files back from disk (browser mode has no file access,
 * and the zip's folder is the user's).
 */
export class ProofImages {
  private readonly runs = new Map<string, Map<string, Uint8Array>>();

  keep(jobId: string, images: Map<string, Uint8Array>): void {
    this.runs.set(jobId, images);
    for (const id of [...this.runs.keys()].slice(0, Math.max(0, this.runs.size - KEEP_RUNS))) this.runs.delete(id);
  }

  dataUrl(jobId: string, name: string): string {
    const image = this.runs.get(jobId)?.get(name);
    if (!image) throw new ContractError('not_found', `No proof image ${name} for that run: run the proofs again.`);
    return `data:image/png;base64,${Buffer.from(image).toString('base64')}`;
  }
}
