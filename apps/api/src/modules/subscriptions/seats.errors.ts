import { AppError, msg } from '../../errors.js';

export class SeatLimitReachedError extends AppError {
  constructor(subscriptionName: string, free: number, wanted: number) {
    super(
      'SEAT_LIMIT_REACHED',
      free === 0
        ? msg('No seat of {subscription} is free: unassign one first or buy more.', { subscription: subscriptionName })
        : msg('Only {count} seats of {subscription} are free; {wanted} were asked for.', { subscription: subscriptionName, count: free, wanted }),
      'subscriptionId',
    );
  }
}

export class SeatAlreadyAssignedError extends AppError {
  constructor(subscriptionName: string) {
    super('SEAT_ALREADY_ASSIGNED', msg('This person already has a seat of {subscription}.', { subscription: subscriptionName }), 'userId');
  }
}

export class SubscriptionNotAssignableError extends AppError {
  constructor(subscriptionName: string, why: 'cancelled' | 'expired') {
    const values = { subscription: subscriptionName };
    super(
      'SUBSCRIPTION_NOT_ASSIGNABLE',
      why === 'expired' ? msg('{subscription} is expired: its seats cannot be assigned.', values) : msg('{subscription} is cancelled: its seats cannot be assigned.', values),
      'subscriptionId',
    );
  }
}

/** An undo could not give the seat back: the subscription has no free seat now, or cannot be assigned. */
export class SeatTakenError extends AppError {
  constructor(subscriptionName: string, why: 'taken' | 'expired' | 'cancelled' | 'gone', field = 'subscriptionId') {
    const values = { subscription: subscriptionName };
    super(
      'SEAT_TAKEN',
      why === 'taken'
        ? msg('The seat of {subscription} was taken meanwhile: no seat of it is free to give back. Unassign one first or buy more.', values)
        : why === 'expired'
          ? msg('{subscription} is expired: its seat cannot be given back.', values)
          : why === 'cancelled'
            ? msg('{subscription} is cancelled: its seat cannot be given back.', values)
            : msg('{subscription} no longer exists: its seat cannot be given back.', values),
      field,
    );
  }
}
