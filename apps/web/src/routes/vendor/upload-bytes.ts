/**
 * Sends a file's bytes to a catalogue upload (`PATCH /api/uploads/<id>`, see the API's docs):
 * asks the server where to continue (HEAD), then sends the rest with its progress. `abort()` stops
 * it; calling `sendFile` again resumes from what the server kept.
 */
export interface UploadHandle {
  done: Promise<'complete' | 'aborted'>;
  abort(): void;
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function uploadOffset(url: string): Promise<number> {
  const response = await fetch(url, { method: 'HEAD', credentials: 'same-origin' });
  if (!response.ok) throw new UploadError(response.status, '');
  return Number(response.headers.get('Upload-Offset') ?? 0);
}

export function sendFile(url: string, file: Blob, onProgress: (sent: number) => void, language: string): UploadHandle {
  const xhr = new XMLHttpRequest();
  let aborted = false;
  const done = (async () => {
    const offset = await uploadOffset(url);
    onProgress(offset);
    if (aborted) return 'aborted' as const;
    return new Promise<'complete' | 'aborted'>((resolve, reject) => {
      xhr.open('PATCH', url);
      xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
      xhr.setRequestHeader('Upload-Offset', String(offset));
      xhr.setRequestHeader('Accept-Language', language);
      xhr.upload.onprogress = (event) => onProgress(offset + event.loaded);
      xhr.onload = () => {
        if (xhr.status === 201 || xhr.status === 204) return resolve('complete');
        let message = '';
        try {
          message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? '';
        } catch {
          // not JSON: the generic message
        }
        reject(new UploadError(xhr.status, message));
      };
      xhr.onabort = () => resolve('aborted');
      xhr.onerror = () => reject(new UploadError(0, ''));
      xhr.send(file.slice(offset));
    });
  })();
  return {
    done,
    abort() {
      aborted = true;
      xhr.abort();
    },
  };
}
