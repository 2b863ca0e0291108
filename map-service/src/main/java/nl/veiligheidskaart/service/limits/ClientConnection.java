package nl.veiligheidskaart.service.limits;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the client of a request still waits for its answer. The Servlet API cannot say: a
 * container learns that a client hung up only when it writes to it, which an analysis does at its
 * very end. So this asks Tomcat's socket directly, with a non-blocking read: end of stream or a
 * reset means the client is gone; bytes (a pipelined next request) are handed back unread.
 *
 * <p>Tomcat exposes the socket only to its own classes, so it is reached by reflection once per
 * request. Under another container, or should Tomcat's internals change, the probe answers
 * "still there" and the request's deadline alone bounds its work.
 */
final class ClientConnection {

  private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
  private static final BooleanSupplier UNKNOWN = () -> false;
  private static final TomcatSockets TOMCAT = TomcatSockets.find();

  private ClientConnection() {
  }

  /** A test, cheap enough to run between every two steps of an analysis, of whether the client hung up. */
  static BooleanSupplier gone(ServletRequest request) {
    if (TOMCAT == null) {
      return UNKNOWN;
    }
    Object socket = TOMCAT.socketOf(unwrapped(request));
    return socket == null ? UNKNOWN : () -> TOMCAT.closedByPeer(socket);
  }

  private static ServletRequest unwrapped(ServletRequest request) {
    ServletRequest inner = request;
    while (inner instanceof ServletRequestWrapper wrapper) {
      inner = wrapper.getRequest();
    }
    return inner;
  }

  /** The reflective path from Tomcat's request facade to its socket wrapper. */
  private record TomcatSockets(Class<?> facade, Field facadeRequest, Method coyoteRequest, Field hook,
      Method socketWrapper, Method read, Method unRead) {

    static TomcatSockets find() {
      try {
        Class<?> facade = Class.forName("org.apache.catalina.connector.RequestFacade");
        Field facadeRequest = accessible(facade.getDeclaredField("request"));
        Method coyoteRequest = Class.forName("org.apache.catalina.connector.Request").getMethod("getCoyoteRequest");
        Field hook = accessible(Class.forName("org.apache.coyote.Request").getDeclaredField("hook"));
        Method socketWrapper = Class.forName("org.apache.coyote.AbstractProcessor")
            .getDeclaredMethod("getSocketWrapper");
        socketWrapper.setAccessible(true);
        Class<?> wrapper = Class.forName("org.apache.tomcat.util.net.SocketWrapperBase");
        return new TomcatSockets(facade, facadeRequest, coyoteRequest, hook, socketWrapper,
            wrapper.getMethod("read", boolean.class, ByteBuffer.class), wrapper.getMethod("unRead", ByteBuffer.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.info("Requests whose client hung up run on to their deadline: Tomcat's socket is not reachable ({})",
            e.toString());
        return null;
      }
    }

    private static Field accessible(Field field) {
      field.setAccessible(true);
      return field;
    }

    Object socketOf(ServletRequest request) {
      if (!facade.isInstance(request)) {
        return null;
      }
      try {
        Object hookOfRequest = hook.get(coyoteRequest.invoke(facadeRequest.get(request)));
        return socketWrapper.getDeclaringClass().isInstance(hookOfRequest) ? socketWrapper.invoke(hookOfRequest) : null;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    boolean closedByPeer(Object socket) {
      ByteBuffer peek = ByteBuffer.allocate(1);
      try {
        int read = (int) this.read.invoke(socket, false, peek);
        if (read > 0) {
          peek.flip();
          unRead.invoke(socket, peek);
        }
        return read < 0;
      } catch (java.lang.reflect.InvocationTargetException e) {
        // Tomcat signals end of stream with EOFException, a reset with another IOException.
        return e.getCause() instanceof IOException;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return false;
      }
    }
  }
}
