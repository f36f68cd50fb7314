package org.physlab.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/** The two ways the tests reach H2: an embedded file in mixed mode, and a TCP server on loopback. */
enum Backend {

    /** {@link StoreConfig#embedded}: a file under the test's directory, {@code AUTO_SERVER=TRUE}. */
    EMBEDDED {
        @Override
        TestDatabase create(Path dir) {
            return new TestDatabase(StoreConfig.embedded(dir), null);
        }
    },

    /** An H2 TCP server started for the test, its databases under the test's directory. */
    TCP_SERVER {
        @Override
        TestDatabase create(Path dir) throws SQLException {
            // Port 0: any free port. Loopback only: no -tcpAllowOthers, and surefire sets h2.bindAddress.
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-tcpDaemon",
                    "-baseDir", dir.toAbsolutePath().toString()).start();
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/physlab";
            return new TestDatabase(new StoreConfig(url, "sa", ""), server);
        }
    };

    /** A fresh, empty database in {@code dir}; close it after the stores on it. */
    abstract TestDatabase create(Path dir) throws SQLException;
}
