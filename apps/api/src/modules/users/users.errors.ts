import { AppError, msg } from '../../errors.js';

/** Someone else changed the user since the admin opened it: reload rather than overwrite. */
export class EditConflictError extends AppError {
  constructor() {
    super('CONFLICT', msg('Someone else changed this user since you opened it. Reload to see their change, then try again.'), 'version');
  }
}
