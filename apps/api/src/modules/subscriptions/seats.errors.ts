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
