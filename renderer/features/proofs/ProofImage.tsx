import { useApi } from '../../api/queries';

/** One PNG of a finished proofs run, fetched from the host as a data URL (the app's CSP allows data: images only). */
export function ProofImage({ jobId, name, alt, className }: { jobId: string; name: string; alt: string; className?: string }) {
  const image = useApi('proofs.image', { jobId, name }, { staleTime: Infinity });
  if (image.error) return <div className="muted">Image no longer kept: run the proofs again.</div>;
  if (!image.data) return <div className="muted">Loading {alt}…</div>;
  return <img src={image.data.dataUrl} alt={alt} className={className} />;
}
