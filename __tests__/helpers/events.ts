/** The handler tests and the bench invoke handlers with the same proxy event. */
export { proxyEvent } from '../../tools/bench/proxy-event';
