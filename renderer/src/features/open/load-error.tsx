import type { UserFacingError } from '../../../../shared/api';

/** An inline load error: the message, then which file and where in it (line, column) when known. */
export function LoadError({ error }: { error: UserFacingError }) {
  const where: string[] = [];
  if (error.line !== null) where.push(`line ${error.line}`);
  if (error.column !== null) where.push(`column “${error.column}”`);
  return (
    <div className="load-error" role="alert" data-testid="load-error">
      <div className="load-error-title">
        Could not load {error.file ? <strong>{error.file}</strong> : 'the file'}
      </div>
      <div className="load-error-message" data-testid="load-error-message">
        {error.message}
      </div>
      {where.length > 0 && (
        <div className="load-error-where" data-testid="load-error-where">
          {error.file ? `${error.file}: ` : ''}
          {where.join(', ')}
        </div>
      )}
    </div>
  );
}
