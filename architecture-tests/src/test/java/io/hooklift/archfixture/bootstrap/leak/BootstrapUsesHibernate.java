package io.hooklift.archfixture.bootstrap.leak;

import org.hibernate.SessionFactory;

/** Breaks "JPA and Hibernate stay in the persistence adapter", even for the composition root. */
public final class BootstrapUsesHibernate {

  SessionFactory sessionFactory;
}
